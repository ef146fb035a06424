import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file the tool writes its output to, as the user named it
/// (`--output`, `--plot`, a journal), and standard output.
///
/// A regular file, or a path where there is none yet, is replaced
/// atomically: a reader sees the old contents or the new, never half of
/// either. Through a symbolic link, the file it points to is replaced and
/// the link stays. A FIFO, a terminal or `/dev/stdout` is written through,
/// as the shell's `>` would; a directory or a block device is refused.
/// Nothing is ever renamed over anything but a regular file.
package struct OutputFile: Sendable, Equatable {
  /// The path as given.
  package let path: String

  package init(_ path: String) { self.path = path }

  /// What is at the path now.
  enum Kind: Equatable {
    /// A regular file, or none yet, at `target`: the path itself, or where
    /// its symbolic links lead.
    case file(target: String)
    /// A FIFO, a character device or a socket: written through.
    case stream
    /// Not writable output: a directory, a block device.
    case refused(String)
  }

  /// Checks, before any work, that the output can be written: what is at
  /// the path can take output, and a new file's folder exists.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` naming what is wrong and
  ///   what would be right.
  package func check() throws {
    switch kind {
    case .refused(let why):
      throw ComplexityError(.badInput, "cannot write \(path): \(why) (give a file's path)")
    case .file(let target) where FileManager.default.fileExists(atPath: target):
      guard access(target, W_OK) == 0 else {
        throw ComplexityError(.badInput, "cannot write \(path): it is not writable")
      }
    case .file(let target):
      let folder = (target as NSString).deletingLastPathComponent
      var isDirectory: ObjCBool = false
      let dir = folder.isEmpty ? "." : folder
      guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory),
        isDirectory.boolValue
      else {
        throw ComplexityError(
          .badInput, "cannot write \(path): there is no folder \(dir) (create it first)")
      }
      guard access(dir, W_OK) == 0 else {
        throw ComplexityError(
          .badInput, "cannot write \(path): the folder \(dir) is not writable")
      }
    case .stream:
      break
    }
  }

  /// Writes `text` to the output: atomically to a file, through to a stream.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when it cannot be written.
  package func write(_ text: String) throws {
    let data = Data(text.utf8)
    do {
      switch kind {
      case .refused(let why):
        throw ComplexityError(.badInput, "cannot write \(path): \(why) (give a file's path)")
      case .file(let target):
        try data.write(to: URL(fileURLWithPath: target), options: .atomic)
      case .stream:
        guard let handle = FileHandle(forWritingAtPath: path) else {
          throw ComplexityError(.badInput, "cannot open \(path) for writing")
        }
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
      }
    } catch let error as ComplexityError {
      throw error
    } catch {
      throw ComplexityError(
        .badInput, "cannot write \(path): \(Self.reason(error)) (choose a writable path)")
    }
  }

  /// Writes `text` to standard output.
  ///
  /// - Throws: `ComplexityError(.badInput, …)` when standard output cannot
  ///   take it (a full disk, a closed descriptor).
  package static func standardOutput(_ text: String) throws {
    do {
      try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
      throw ComplexityError(.badInput, "cannot write to standard output: \(reason(error))")
    }
  }

  /// What is at the path, following symbolic links.
  var kind: Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .file(target: Self.resolvingLinks(path)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      guard let resolved = realpath(path, nil) else { return .file(target: path) }
      defer { free(resolved) }
      return .file(target: String(cString: resolved))
    case S_IFDIR: return .refused("it is a directory")
    case S_IFBLK: return .refused("it is a block device")
    default: return .stream
    }
  }

  /// Where a path's symbolic links lead, for a file not there yet (a
  /// dangling link names the file to create, as the shell's `>` does).
  static func resolvingLinks(_ path: String) -> String {
    var current = path
    for _ in 0..<32 {
      guard let next = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current
      }
      current =
        next.hasPrefix("/")
        ? next
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(next)
    }
    return current
  }

  /// An I/O error in a few words (`No space left on device`).
  static func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain
    {
      return String(cString: strerror(Int32(posix.code)))
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    return ns.localizedDescription
  }
}
