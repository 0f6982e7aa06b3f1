//! The labels a mention carries, as types that are cheap to make and to clone: actor codes as
//! inline strings ([`Code`]: no allocation up to 24 bytes, which every CAMEO code fits), and
//! dictionary entries and remembered texts as shared strings ([`Shared`]: a clone is a
//! reference count). Also the joins the coder makes of them — actor code + agent code,
//! entry `+` entry, a name's words — written without `format!`, and the `file:line` of a
//! dictionary entry made once per thread and entry, not once per mention.

use crate::model::EntryRef;
use compact_str::CompactString;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::Arc;

/// A CAMEO actor code (`USAGOV`), or a word kept with a mention.
pub(crate) type Code = CompactString;

/// A shared string: a mention's dictionary entries (`file:line` joined by `+`), or the text of
/// an actor remembered across sentences.
pub(crate) type Shared = Arc<str>;

/// At most this many distinct entries are kept per thread (then the cache starts over).
const ENTRY_CACHE_LIMIT: usize = 1 << 14;

/// `file:line` of each dictionary entry seen on this thread, by the address of its file
/// name's `Arc` and its line: a look-up hashes two numbers, not the file name. Each cached
/// value holds a clone of that `Arc`, so no other name (of a later set of dictionaries) can
/// take its address while it is cached; a file whose entries do not share one `Arc` is only
/// cached once per `Arc`, with the same text.
#[derive(Default)]
struct EntryCache {
    by_entry: FxHashMap<(usize, u32), (Arc<str>, Shared)>,
}

thread_local! {
    static ENTRIES: RefCell<EntryCache> = RefCell::default();
    /// The buffer joins are written into before they are shared.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// `actor` followed by `agent` (`JPN` + `GOV`).
pub(crate) fn code_with(actor: &str, agent: &str) -> Code {
    let mut code = Code::with_capacity(actor.len() + agent.len());
    code.push_str(actor);
    code.push_str(agent);
    code
}

/// The `file:line` of dictionary entry `entry`, shared.
pub(crate) fn entry_of(entry: &EntryRef) -> Shared {
    let key = (Arc::as_ptr(&entry.file).cast::<u8>() as usize, entry.line);
    ENTRIES.with_borrow_mut(|cache| {
        if let Some((_, s)) = cache.by_entry.get(&key) {
            return s.clone();
        }
        if cache.by_entry.len() >= ENTRY_CACHE_LIMIT {
            cache.by_entry.clear();
        }
        let s = shared_with(|out| push_entry(out, entry));
        cache.by_entry.insert(key, (entry.file.clone(), s.clone()));
        s
    })
}

/// Something a mention's entry is made of: entries already joined, or one dictionary entry.
pub(crate) trait EntryPart {
    /// Appends its text.
    fn push_to(&self, out: &mut String);
}

impl EntryPart for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl EntryPart for Shared {
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl EntryPart for EntryRef {
    fn push_to(&self, out: &mut String) {
        push_entry(out, self);
    }
}

/// `first+second`: the entries of an actor and of its agent.
pub(crate) fn entry_with<A, B>(first: &A, second: &B) -> Shared
where
    A: EntryPart + ?Sized,
    B: EntryPart + ?Sized,
{
    shared_with(|out| {
        first.push_to(out);
        out.push('+');
        second.push_to(out);
    })
}

/// The words of `words` joined by single spaces, shared.
pub(crate) fn words<'w>(words: impl IntoIterator<Item = &'w str>) -> Shared {
    shared_with(|out| {
        for (i, w) in words.into_iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(w);
        }
    })
}

/// What `write` puts into the per-thread scratch buffer, as a shared string.
fn shared_with(write: impl FnOnce(&mut String)) -> Shared {
    SCRATCH.with_borrow_mut(|out| {
        out.clear();
        write(out);
        Shared::from(out.as_str())
    })
}

/// Appends `file:line`, as `EntryRef`'s `Display` writes it.
fn push_entry(out: &mut String, entry: &EntryRef) {
    out.push_str(&entry.file);
    out.push(':');
    push_number(out, entry.line);
}

/// Appends the decimal digits of `n`.
fn push_number(out: &mut String, n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|&d| char::from(d)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(file: &str, line: u32) -> EntryRef {
        EntryRef {
            file: file.into(),
            line,
        }
    }

    #[test]
    fn joins_are_what_format_writes() {
        let cases: &[(&str, u32, &str, u32)] = &[
            ("actors/countries.txt", 36, "agents.txt", 52),
            ("a.txt", 0, "b.txt", u32::MAX),
            ("", 7, "x", 1),
        ];
        for &(f1, l1, f2, l2) in cases {
            let (a, b) = (entry(f1, l1), entry(f2, l2));
            assert_eq!(&*entry_of(&a), a.to_string());
            assert_eq!(&*entry_of(&a), a.to_string(), "from the cache");
            assert_eq!(&*entry_with(&*entry_of(&a), &b), format!("{a}+{b}"));
            assert_eq!(
                &*entry_with(&entry_of(&a), &entry_of(&b)),
                format!("{a}+{b}")
            );
        }
        assert_eq!(code_with("JPN", "GOV"), "JPNGOV");
        assert_eq!(code_with("", ""), "");
        assert_eq!(&*words(["Kim", "Kye-Gwan"]), "Kim Kye-Gwan");
        assert_eq!(&*words([]), "");
    }

    #[test]
    fn the_cache_keeps_entries_of_different_files_apart() {
        let a = entry_of(&entry("one.txt", 3));
        let b = entry_of(&entry("two.txt", 3));
        assert_eq!((&*a, &*b), ("one.txt:3", "two.txt:3"));
    }

    #[test]
    fn a_file_name_made_after_another_was_dropped_gets_its_own_entry() {
        // The cache holds the first name's `Arc`, so the second cannot take its address.
        for (first, second) in [("first.txt", "other.txt"), ("", "x")] {
            let a = entry(first, 9);
            assert_eq!(&*entry_of(&a), format!("{first}:9"));
            drop(a);
            let b = entry(second, 9);
            assert_eq!(&*entry_of(&b), format!("{second}:9"));
        }
    }
}
