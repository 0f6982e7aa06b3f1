//! Directory inputs: every `*.txt` file below a directory, in path order, one document each.
//!
//! Walking follows symbolic links. An entry that cannot be read (an unreadable subdirectory, a
//! broken link, a link back to one of its own ancestors) becomes one rejected record naming it,
//! and the walk goes on; a loop is not followed, so every file is read once.

use super::{cannot_open, stream, IngestConfig, Record, Rejection};
use std::io::BufReader;
use std::path::Path;

/// The records of every text file under `root`.
pub(super) fn text_files(root: &Path, config: IngestConfig) -> Box<dyn Iterator<Item = Record>> {
    let root = root.to_path_buf();
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    Box::new(walker.flat_map(move |entry| match entry {
        Ok(e) if e.file_type().is_file() && is_txt(e.path()) => open_file(&root, e.path(), &config),
        Ok(_) => Box::new(std::iter::empty()),
        Err(e) => Box::new(std::iter::once(walk_error(&e))),
    }))
}

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn open_file(root: &Path, path: &Path, config: &IngestConfig) -> Box<dyn Iterator<Item = Record>> {
    let name = path.display().to_string();
    let id = path
        .strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/");
    match std::fs::File::open(path) {
        Ok(file) => stream(
            Box::new(BufReader::new(file)),
            &name,
            &id,
            config.format.or_text(),
            config,
        ),
        Err(e) => Box::new(std::iter::once(cannot_open(name, &e))),
    }
}

fn walk_error(e: &walkdir::Error) -> Record {
    let location = e
        .path()
        .map_or_else(|| "?".to_string(), |p| p.display().to_string());
    let reason = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => format!(
            "symlink loop: links back to {}; not followed",
            ancestor.display()
        ),
        (None, Some(io)) => format!("cannot read: {io}"),
        (None, None) => format!("cannot read: {e}"),
    };
    Record::Rejected(Rejection { location, reason })
}
