import ArgumentParser
import Bridge
import Foundation

/// `qbbridge catalogue`: the help catalogue (issue 23) on the command line, and the generator of the
/// catalogue section of docs/failure-catalogue.md, so the docs come from the same source as `/help`.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "List the codes QBBridge explains, or write the help catalogue into docs/failure-catalogue.md.",
        discussion: "Without options: one line per code with its title. --markdown prints the generated Markdown section; "
            + "--update FILE replaces that section (between its markers) in FILE."
    )

    @Option(help: "Only the entries in which every word of this search appears.")
    var search: String?

    @Flag(help: "Print the generated Markdown section, markers included.")
    var markdown = false

    @Option(help: ArgumentHelp("Replace the generated section of this Markdown file (e.g. docs/failure-catalogue.md).", valueName: "file"))
    var update: String?

    func validate() throws {
        if markdown && update != nil { throw ValidationError("Give either --markdown or --update, not both.") }
        if search != nil && (markdown || update != nil) { throw ValidationError("--search lists entries; it cannot be combined with --markdown or --update.") }
    }

    func run() throws {
        let help = HelpService()
        if markdown {
            print(help.markdownSection)
        } else if let update {
            let url = URL(fileURLWithPath: update)
            let document: String
            do {
                document = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ValidationError("Cannot read \(update): \(error.localizedDescription)")
            }
            guard let updated = help.updatingMarkdown(in: document) else {
                throw ValidationError("\(update) has no generated section; add the begin and end marker lines that `qbbridge catalogue --markdown` prints, then run this again.")
            }
            if updated != document { try updated.write(to: url, atomically: true, encoding: .utf8) }
            print(updated == document ? "\(update) is up to date." : "\(update) updated.")
        } else {
            for entry in help.entries(matching: search) {
                print("\(entry.code)\t\(entry.title)")
            }
        }
    }
}
