//! The `missive` command.

/// mimalloc instead of the system allocator: Typst allocates and frees heavily while it
/// lays out and exports a letter, and mimalloc does that in fewer instructions than
/// glibc's malloc (docs/batch.md, issue 16). Output does not depend on the allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    missive::main()
}
