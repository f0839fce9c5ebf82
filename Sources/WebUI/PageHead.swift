/// The `<head>` every UI page shares: charset, viewport, title, no favicon request, the style sheet.
enum PageHead {
    /// The document's start up to `<body>`; `extra` goes before `</head>` and must be our own markup.
    static func html(title: String, extra: String = "") -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · meshreg</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/ui/assets/meshreg.css">
        \(extra)</head>
        """
    }
}
