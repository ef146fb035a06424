// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "complexity",
  products: [
    .library(name: "Complexity", targets: ["Complexity"]),
    .executable(name: "complexity", targets: ["complexity"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
  ],
  targets: [
    // MARK: - Implementation details

    /// GNU Scientific Library, found through pkg-config. Only the fitter imports it.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),

    // MARK: - Public API

    /// The engine: complexity classes, the GSL fitter and classifier, the sweep
    /// engine, the catalog, the subjects and the report renderers.
    .target(
      name: "Complexity",
      dependencies: ["CGSL"],
      exclude: ["README.md"]
    ),

    /// The command-line tool: parses arguments and hands them to the library.
    .executableTarget(
      name: "complexity",
      dependencies: [
        "Complexity",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // MARK: - Unit test bundles

    .testTarget(
      name: "ComplexityTests",
      dependencies: ["Complexity"]
    ),
    .testTarget(
      name: "ComplexityCLITests",
      dependencies: ["Complexity"]
    ),
  ],
  swiftLanguageModes: [.v5]
)
