//! `nectar`: turns published reports of Labour NEC meetings into a citable dataset. The command
//! itself is the library, [`nectar_cli::run`], so that another program can be a `nectar` with
//! its own plugins too.

fn main() -> std::process::ExitCode {
    nectar_cli::run()
}
