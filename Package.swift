// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "complexity",
  products: [
    .library(name: "Complexity", targets: ["Complexity"]),
    .library(name: "ComplexityTesting", targets: ["ComplexityTesting"]),
    .executable(name: "complexity", targets: ["complexity"]),
    /// The counting allocator Swift ops' memory is measured with: preloaded
    /// into a worker, never linked.
    .library(
      name: "ComplexityAllocationCounter", type: .dynamic, targets: ["CAllocationCounter"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
  ],
  targets: [
    // MARK: - Implementation details

    /// GNU Scientific Library, found through pkg-config. Only the fitter imports it.
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
    ),

    /// Callgrind's client requests (valgrind's headers), for counting the
    /// instructions of Swift code in-process. Stubs where valgrind is absent.
    .systemLibrary(name: "CCallgrind"),

    /// glibc's malloc family replaced by counting forwarders: the peak and
    /// total bytes of a Swift op, in a worker it is preloaded into.
    .target(name: "CAllocationCounter", exclude: ["README.md"]),

    // MARK: - Public API

    /// The engine: complexity classes, the GSL fitter and classifier, the sweep
    /// engine, the catalog, the subjects and the report renderers.
    .target(
      name: "Complexity",
      dependencies: [
        "CGSL",
        "CCallgrind",
        // Deque, OrderedSet, OrderedDictionary and Heap are subjects too.
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "OrderedCollections", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      exclude: ["README.md"],
      // Embedded in the binary, so a copied binary still has them: the
      // CPython harness, and the CPython ops of the catalog with their code.
      resources: [
        .embedInCode("Targets/Python/Harness/complexity_start.py"),
        .embedInCode("Targets/Python/Harness/complexity_harness.py"),
        .embedInCode("Targets/Python/Harness/complexity_wire.py"),
        .embedInCode("Targets/Python/Harness/complexity_inputs.py"),
        .embedInCode("Targets/Python/Harness/complexity_sampler.py"),
        .embedInCode("Targets/Python/Harness/complexity_counting.py"),
        .embedInCode("Targets/Python/Harness/complexity_memory.py"),
        .embedInCode("Targets/Python/Helper/complexity_check.py"),
        .embedInCode("Catalog/CPython/lists.json"),
        .embedInCode("Catalog/CPython/sets.json"),
        .embedInCode("Catalog/CPython/dicts.json"),
        .embedInCode("Catalog/CPython/beyond-the-tables.json"),
      ]
    ),

    /// Assertions on measured classes for XCTest and Swift Testing.
    .target(
      name: "ComplexityTesting",
      dependencies: ["Complexity"],
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

    /// What the test bundles share: fixtures, generated curves, the built tool.
    .target(
      name: "ComplexityTestSupport",
      dependencies: ["Complexity"],
      path: "Tests/ComplexityTestSupport"
    ),
    .testTarget(
      name: "ComplexityTests",
      dependencies: ["Complexity", "ComplexityTestSupport"]
    ),
    /// The example a user can copy: asserting classes of their own code.
    .testTarget(
      name: "ExampleTests",
      dependencies: ["Complexity", "ComplexityTesting"]
    ),
    .testTarget(
      name: "ComplexityCLITests",
      dependencies: ["Complexity", "ComplexityTestSupport"]
    ),
  ],
  swiftLanguageModes: [.v5]
)
