/** One colour per flow, the same on every chart (colour-blind-safe Okabe–Ito hues). */
export const FLOW_COLORS: Record<string, string> = {
  exports: '#0072B2',
  imports: '#E69F00',
  balance: '#009E73'
}
