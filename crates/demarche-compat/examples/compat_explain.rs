//! Debug aid: `compat_explain SUITE ID...` prints how the compat engine parses and codes the
//! given records of a TABARI or PETRARCH validation suite.

use demarche_compat::validate::Suite;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: compat_explain SUITE ID...");
        return;
    };
    let mut suite = match Suite::load(std::path::Path::new(path)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let records = suite.records.clone();
    for r in &records {
        for o in &r.options {
            let _ = demarche_compat::validate::apply_option(&mut suite.engine.options, o);
        }
        if !args[1..].contains(&r.id) {
            continue;
        }
        println!(
            "== {} {:?}\n{}\n{}",
            r.id,
            r.date,
            r.text,
            suite.engine.explain(&r.text, r.date)
        );
        let c = suite.engine.code(&r.text, r.date);
        println!(
            "  expected {:?}\n  produced {:?} complex={} discarded={} fired={:?}",
            r.expected
                .events
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>(),
            c.events.iter().map(|e| e.to_string()).collect::<Vec<_>>(),
            c.complex,
            c.discarded,
            c.fired
        );
    }
}
