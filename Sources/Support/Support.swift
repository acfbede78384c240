/// Support: what every stage of the flow shares and none of them owns.
///
/// - `FileSystem`, `OutputFiles`: reading inputs (regular files only, bounded, never waiting on
///   a FIFO) and writing outputs (a new file or a regular file replaced atomically, never a
///   link, a device, a folder or the open database).
/// - `Diagnostics`: `Diagnostic` (file, field path, message), `DiagnosticCollector` and
///   `InputError`, the one shape of every input error.
/// - `SHA256`, `CalendarDate` (dates without a clock, exact day arithmetic), `Suggestions`
///   (did-you-mean).
///
/// It knows nothing of tariff books, offers, prices, contracts or the command line; it depends
/// only on `JSON` (field paths).
enum SupportModule {}
