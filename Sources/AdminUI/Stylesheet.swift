/// The UI's one hand-written stylesheet, `Assets/app.css`, compiled into the binary and served at
/// `/assets/app.css`.
///
/// Colours meet WCAG AA contrast on their backgrounds, every focusable element gets a visible focus ring,
/// and below 700 px tables turn into labelled stacks so every page works on a phone.
enum Stylesheet {
    static let css = EmbeddedFile.text(PackageResources.app_css)
}
