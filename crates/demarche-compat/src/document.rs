//! Whole documents coded by the compat engine into demarche [`Event`]s: what
//! `demarche code --engine tabari|petrarch` runs through [`demarche::pipeline::run`].
//!
//! The document is split into sentences with demarche's splitter; each sentence is coded by
//! the [`Engine`] exactly as `validate` codes a record, so the events are the ones TABARI or
//! PETRARCH would produce. Each event then gets the usual fields: CAMEO name, Goldstein score,
//! quad class and PLOVER type from the bundled CAMEO table, the document date, and spans into
//! the original bytes for the actors and the verb. An actor that comes from a `DEFAULT:` code
//! or from forwarding has no words in the sentence: its span is empty and `via` says why.

use crate::engine::{CompatEvent, Engine, EventDetail, SentenceEvents};
use crate::validate::{apply_option, apply_petrarch_config};
use crate::{CompatDicts, Error, Result};
use demarche::dict::CameoTable;
use demarche::{
    Actor, CodedDocument, DatePrecision, Document, DocumentCoder, Event, Evidence, Span,
};
use std::ops::Range;
use std::path::PathBuf;

/// Which legacy coder's conventions `demarche code --engine` follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    /// TABARI: its options file (or project) as given.
    Tabari,
    /// PETRARCH: TreeBank tokens, no pronoun resolution, no minimum sentence length, and the
    /// options of a `PETR_config.ini` given among the files.
    Petrarch,
}

/// Loads the engine for `demarche code --engine`: TABARI files or one `.project`, or PETRARCH
/// files (directories stand for the files in them); `options` are TABARI option commands (or
/// `PETR:name=value`) applied last, in order.
pub fn load_engine(flavor: Flavor, paths: &[PathBuf], options: &[String]) -> Result<Engine> {
    let is_ini = |p: &PathBuf| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ini"));
    let (ini, files): (Vec<PathBuf>, Vec<PathBuf>) = crate::dictionary_files(paths)?
        .into_iter()
        .partition(is_ini);
    let mut dicts = CompatDicts::from_files(&files)?;
    if flavor == Flavor::Petrarch {
        dicts.options.petrarch = true;
        dicts.options.minimum_words = 0;
        for f in &ini {
            apply_petrarch_config(&mut dicts.options, &crate::read_text(f)?);
        }
    }
    for command in options {
        apply_option(&mut dicts.options, command).map_err(|message| Error::Option {
            command: command.clone(),
            message,
        })?;
    }
    Ok(Engine::new(dicts))
}

/// The compat engine behind demarche's [`DocumentCoder`] seam.
#[derive(Debug)]
pub struct LegacyCoder {
    engine: Engine,
    cameo: CameoTable,
}

impl LegacyCoder {
    /// Wraps an engine (its dictionaries and options are used as they are).
    pub fn new(engine: Engine) -> LegacyCoder {
        LegacyCoder {
            engine,
            cameo: CameoTable::bundled(),
        }
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }
}

impl DocumentCoder for LegacyCoder {
    fn code_document(&self, doc: &Document) -> CodedDocument {
        let decoded = Decoded::new(&doc.text);
        let sentences = self.engine.code_document(&decoded.text, doc.date);
        let mut out = CodedDocument::default();
        for s in &sentences {
            let events = s.coded.events.iter().zip(&s.coded.details);
            for (event, detail) in events {
                out.events.push(self.event(doc, &decoded, s, event, detail));
            }
        }
        out.sentences = sentences.len();
        if decoded.map.is_some() {
            out.warnings
                .push("invalid UTF-8 replaced by U+FFFD before coding".into());
        }
        out
    }
}

impl LegacyCoder {
    fn event(
        &self,
        doc: &Document,
        decoded: &Decoded,
        sentence: &SentenceEvents,
        event: &CompatEvent,
        detail: &EventDetail,
    ) -> Event {
        let at = |r: &Range<usize>| sentence.span.start + r.start..sentence.span.start + r.end;
        let actor = |code: &str, words: &Option<Range<usize>>| {
            self.actor(decoded, code, words.as_ref().map(at), sentence.span.start)
        };
        let verb = at(&detail.verb);
        let info = self.cameo.get(&event.code);
        let doc_date: Option<demarche::model::SharedStr> =
            doc.date.map(|d| d.format("%Y-%m-%d").to_string().into());
        let evidence = Evidence::new(
            &decoded.text[verb.clone()],
            decoded.span(&verb),
            detail.entry.clone(),
            detail.pattern.clone(),
        );
        let sentence_span = decoded.span(&sentence.span);
        let mut out = Event::new(
            doc.id.clone(),
            sentence.index,
            sentence_span,
            event.code.clone(),
            evidence,
        );
        out.date = doc_date.clone();
        out.date_precision = doc.date.map(|_| DatePrecision::Day);
        out.doc_date = doc_date;
        out.source = actor(&event.source, &detail.source);
        out.target = actor(&event.target, &detail.target);
        out.event_name = info.name;
        out.goldstein = info.goldstein;
        out.quad_class = info.quad_class;
        out.plover = info.plover_type;
        out.plover_mode = info.plover_mode;
        out.plover_context = info.plover_context;
        out
    }

    /// An actor; `---` (PETRARCH's missing actor) is none.
    fn actor(
        &self,
        decoded: &Decoded,
        code: &str,
        words: Option<Range<usize>>,
        sentence_start: usize,
    ) -> Option<Actor> {
        if code == "---" {
            return None;
        }
        Some(match words {
            Some(w) => Actor::new(code, &decoded.text[w.clone()], decoded.span(&w), ""),
            None => {
                let empty = decoded.span(&(sentence_start..sentence_start));
                Actor::new(code, "", empty, "").with_via("default-or-forwarded")
            }
        })
    }
}

/// The document text as UTF-8, with the way back to the original bytes when invalid UTF-8 had
/// to be replaced.
struct Decoded {
    text: String,
    /// Original offset of each decoded byte (plus one past the end); `None` when the text was
    /// valid UTF-8 and offsets are the same.
    map: Option<Vec<usize>>,
}

impl Decoded {
    fn new(bytes: &[u8]) -> Decoded {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Decoded {
                text: s.to_string(),
                map: None,
            };
        }
        let mut text = String::with_capacity(bytes.len() + 8);
        let mut map = Vec::with_capacity(bytes.len() + 8);
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            text.push_str(chunk.valid());
            map.extend(at..at + chunk.valid().len());
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                text.push('\u{FFFD}');
                map.extend([at; 3]);
                at += chunk.invalid().len();
            }
        }
        map.push(at);
        Decoded {
            text,
            map: Some(map),
        }
    }

    /// A decoded byte range as a span of the original bytes.
    fn span(&self, r: &Range<usize>) -> Span {
        match &self.map {
            None => Span::new(r.start, r.end),
            Some(m) => {
                let start = m.get(r.start).copied().unwrap_or(0);
                let end = m.get(r.end).copied().unwrap_or(start).max(start);
                Span::new(start, end)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn coder() -> LegacyCoder {
        let mut d = CompatDicts::default();
        let tabari = |k| Some((crate::Dialect::Tabari, k));
        let name: Arc<str> = "t".into();
        let actors = "ARNOR [ARN]\nGONDOR [GON]\n";
        d.add_text(&name, actors, tabari(crate::DictKind::Actors).unwrap());
        let verbs = "MEET [031:031]\nCONDEMN [122]\n";
        d.add_text(&name, verbs, tabari(crate::DictKind::Verbs).unwrap());
        d.finish();
        d.options.minimum_words = 0;
        LegacyCoder::new(Engine::new(d))
    }

    #[test]
    fn events_have_cameo_fields_and_spans_into_the_original_bytes() {
        let text = b"Nothing h\xffre today. Arnor condemned Gondor.".to_vec();
        let doc = Document::new("d", None, text.clone());
        let out = coder().code_document(&doc);
        assert_eq!(out.sentences, 2);
        assert_eq!(out.events.len(), 1, "{:?}", out.events);
        let e = &out.events[0];
        assert_eq!((e.cameo.as_str(), e.quad_class), ("122", 3));
        assert!(!e.event_name.is_empty() && e.goldstein.is_some());
        let slice = |s: Span| &text[s.start..s.end];
        let source = e.source.as_ref().expect("source");
        assert_eq!(
            (source.code.as_str(), slice(source.span)),
            ("ARN", &b"Arnor"[..])
        );
        let target = e.target.as_ref().expect("target");
        assert_eq!(slice(target.span), b"Gondor");
        assert_eq!(slice(e.evidence.span), b"condemned");
        assert_eq!(out.warnings.len(), 1);
    }

    #[test]
    fn paired_codes_swap_the_spans() {
        let doc = Document::new("d", None, "Arnor will meet Gondor.");
        let out = coder().code_document(&doc);
        let sides: Vec<(&str, &str)> = out
            .events
            .iter()
            .map(|e| {
                let s = e.source.as_ref().map_or("", |a| a.text.as_str());
                let t = e.target.as_ref().map_or("", |a| a.text.as_str());
                (s, t)
            })
            .collect();
        assert_eq!(sides, [("Arnor", "Gondor"), ("Gondor", "Arnor")]);
    }
}
