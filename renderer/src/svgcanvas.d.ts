/** The part of svgcanvas (MIT, no bundled types) the SVG export uses: a 2D context that records SVG. */
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number })
    font: string
    beginPath(): void
    moveTo(x: number, y: number): void
    lineTo(x: number, y: number): void
    fillText(text: string, x: number, y: number): void
    strokeText(text: string, x: number, y: number): void
    getSerializedSvg(fixNamedEntities?: boolean): string
  }
}
