//! The `missive` command.

fn main() -> std::process::ExitCode {
    missive::main()
}
