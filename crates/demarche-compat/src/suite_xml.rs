//! Reading PETRARCH's unit-test XML (`PETR.UnitTest.records.xml`) with `quick-xml`: the
//! `<Environment>` (dictionary file names), `<Config>` option records and the `<Sentence>`
//! records with their `<EventCoding>`, `<Text>` and `<Parse>`. Entities (`&amp;` ...) are
//! decoded; comments are skipped.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashMap;

/// One `<Sentence>` as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct XmlSentence {
    /// Its attributes (`id`, `date`, `category`, ...).
    pub attrs: HashMap<String, String>,
    /// `<EventCoding>` source, target, event codes.
    pub events: Vec<(String, String, String)>,
    /// An `<EventCoding error="...">` was present.
    pub error: bool,
    /// `<Text>`.
    pub text: Option<String>,
    /// `<Parse>`.
    pub parse: Option<String>,
    /// `<Config>` options (`PETR:name=value`) given before this sentence.
    pub options: Vec<String>,
}

/// The parts of a unit-test file the suite needs.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct XmlSuite {
    /// `<Environment>` children by tag name (`Verbfile` → file name).
    pub environment: HashMap<String, String>,
    /// The sentences in order.
    pub sentences: Vec<XmlSentence>,
}

/// Where text content goes.
enum Field {
    None,
    Environment(String),
    Text,
    Parse,
}

/// Parses the file; reading stops at the first XML syntax error (what was read is kept).
pub(crate) fn parse(xml: &str) -> XmlSuite {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = false;
    let mut suite = XmlSuite::default();
    let mut state = State::default();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(Event::Start(e)) => state.start(&e, false),
            Ok(Event::Empty(e)) => state.start(&e, true),
            Ok(Event::End(e)) => state.end(e.name().as_ref(), &mut suite),
            Ok(Event::Text(t)) => {
                let text = t.unescape().map_or_else(
                    |_| String::from_utf8_lossy(t.as_ref()).into_owned(),
                    |s| s.into_owned(),
                );
                state.text(&text, &mut suite);
            }
            Ok(_) => {}
        }
    }
    suite
}

#[derive(Default)]
struct State {
    in_environment: bool,
    sentence: Option<XmlSentence>,
    field: Option<Field>,
    pending_options: Vec<String>,
}

impl State {
    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        let attrs = attributes(e);
        match name.as_str() {
            "Environment" => self.in_environment = !empty,
            "Config" => {
                if let (Some(o), Some(v)) = (attrs.get("option"), attrs.get("value")) {
                    self.pending_options.push(format!("PETR:{o}={v}"));
                }
            }
            "Sentence" if !empty => {
                self.sentence = Some(XmlSentence {
                    attrs,
                    options: std::mem::take(&mut self.pending_options),
                    ..XmlSentence::default()
                });
            }
            "EventCoding" => self.event_coding(&attrs),
            "Text" if !empty => self.field = Some(Field::Text),
            "Parse" if !empty => self.field = Some(Field::Parse),
            _ if self.in_environment && !empty => {
                self.field = Some(Field::Environment(name));
            }
            _ => {}
        }
    }

    fn event_coding(&mut self, attrs: &HashMap<String, String>) {
        let Some(s) = self.sentence.as_mut() else {
            return;
        };
        if attrs.contains_key("error") {
            s.error = true;
        }
        let get = |k: &str| attrs.get(k).cloned();
        if let (Some(a), Some(b), Some(c)) =
            (get("sourcecode"), get("targetcode"), get("eventcode"))
        {
            s.events.push((a, b, c));
        }
    }

    fn text(&mut self, text: &str, suite: &mut XmlSuite) {
        let append =
            |slot: &mut Option<String>| slot.get_or_insert_with(String::new).push_str(text);
        match (
            self.field.as_ref().unwrap_or(&Field::None),
            self.sentence.as_mut(),
        ) {
            (Field::Environment(tag), _) => {
                suite
                    .environment
                    .entry(tag.clone())
                    .or_default()
                    .push_str(text);
            }
            (Field::Text, Some(s)) => append(&mut s.text),
            (Field::Parse, Some(s)) => append(&mut s.parse),
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8], suite: &mut XmlSuite) {
        match name {
            b"Environment" => self.in_environment = false,
            b"Sentence" => suite.sentences.extend(self.sentence.take()),
            _ => {}
        }
        self.field = None;
    }
}

fn attributes(e: &BytesStart) -> HashMap<String, String> {
    e.attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a.unescape_value().map_or_else(
                |_| String::from_utf8_lossy(&a.value).into_owned(),
                |v| v.into_owned(),
            );
            (key, value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_are_decoded_and_comments_skipped() {
        let xml = r#"<Environment><Verbfile>v&amp;w.txt</Verbfile></Environment>
<Sentences><!-- a <Sentence id="no"> in a comment -->
<Config option="require_dyad" value="false"></Config>
<Sentence id="A&amp;B" date="19950101">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor &amp; Gondor &lt;restore&gt; ties &#233;</Text>
<Parse>(ROOT (NP (NNP Arnor)))</Parse>
</Sentence>
<Sentence id="E"><EventCoding error="bad"/><Text>x</Text></Sentence></Sentences>"#;
        let s = parse(xml);
        assert_eq!(
            s.environment.get("Verbfile").map(String::as_str),
            Some("v&w.txt")
        );
        assert_eq!(s.sentences.len(), 2);
        let a = &s.sentences[0];
        assert_eq!(a.attrs["id"], "A&B");
        assert_eq!(a.text.as_deref(), Some("Arnor & Gondor <restore> ties é"));
        assert_eq!(a.events, [("ARN".into(), "GON".into(), "064".into())]);
        assert_eq!(a.options, ["PETR:require_dyad=false"]);
        assert!(s.sentences[1].error && s.sentences[1].options.is_empty());
    }
}
