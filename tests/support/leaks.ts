/** What must never reach the user: internal folders and files, and libraries' own wording. */
export const LEAKS =
  /\.staging|job-[0-9a-f]|input-\d|member-\d|sheet\.csv|library[\\/]|CSV Parser|state machine|DuckDB|Binder Error|Conversion Error|Invalid Input Error|Parser Error|Catalog Error|yauzl|read-excel-file|fflate|TypeError|ReferenceError|undefined|\[object |\bat .+:\d+:\d+/
