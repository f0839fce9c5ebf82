import FoundationEssentials
import Registry
import RegistryAPI

/// Finds and reads the document files named on the command line.
enum DocumentFiles {
    static let extensions: Set<String> = ["yaml", "yml", "json"]
    static let maximumFileBytes = 8 << 20

    /// The files under each path (directories recursively, in name order), skipping hidden ones.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandError("\(path) does not exist; give a document file or a directory of them")
            }
            guard isDirectory else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            guard let subpaths = try? FileManager.default.subpathsOfDirectory(atPath: path) else {
                throw CommandError("cannot read the directory \(path)")
            }
            let found = subpaths
                .filter { relative in
                    !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                        && extensions.contains(URL(filePath: relative).pathExtension.lowercased())
                }
                .sorted()
                .map { "\(base)/\($0)" }
            files += found
        }
        return files
    }

    /// Reads and parses each file; returns the documents and the syntax errors, so one run can
    /// report every broken file.
    static func read(_ files: [String]) throws -> (submissions: [DocumentSubmission], errors: [RegistryError]) {
        var submissions: [DocumentSubmission] = []
        var errors: [RegistryError] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file); check that it exists and is readable")
            }
            guard data.count <= maximumFileBytes else {
                throw CommandError("\(file) is \(data.count) bytes; documents are limited to \(maximumFileBytes) bytes")
            }
            do {
                submissions.append(try DocumentSubmission.decode(Array(data), path: file))
            } catch {
                errors.append(error)
            }
        }
        return (submissions, errors)
    }

    /// The files as a bundle for the service, each under its path relative to the current
    /// directory; refused here when the service would refuse it as too large.
    static func bundle(_ paths: [String]) throws -> ApplyBundle {
        let files = try expand(paths)
        guard !files.isEmpty else { throw CommandError("no .yaml, .yml or .json files found in \(paths.joined(separator: " "))") }
        guard files.count <= ApplyBundle.maximumDocuments else {
            throw CommandError("\(files.count) documents are more than the \(ApplyBundle.maximumDocuments) one apply takes; apply the tree in parts (e.g. one domain at a time)")
        }
        let current = FileManager.default.currentDirectoryPath + "/"
        var documents: [(path: String, content: String)] = []
        var bytes = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file); check that it exists and is readable")
            }
            bytes += data.count
            documents.append((file.hasPrefix(current) ? String(file.dropFirst(current.count)) : file, String(decoding: data, as: UTF8.self)))
        }
        guard bytes <= ApplyBundle.maximumBytes else {
            throw CommandError("the documents hold \(bytes) bytes, more than the \(ApplyBundle.maximumBytes) one apply takes; apply the tree in parts (e.g. one domain at a time)")
        }
        return ApplyBundle(documents: documents)
    }
}
