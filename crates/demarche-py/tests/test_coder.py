"""The Python API: coding one text, streaming many, explanations, and bad input."""
import datetime
import json
import threading

import pytest

import demarche

STORY = ("Russia condemned Ukraine on Tuesday. China met Japan in Tokyo. "
         "The United States accused Iran of attacking a ship.")


@pytest.fixture(scope="module")
def coder():
    return demarche.Coder()


def test_code_returns_the_cli_fields(coder):
    events = coder.code("Russia condemned Ukraine.", date="2024-05-01", doc_id="d1")
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [
        ("RUS", "111", "UKR")]
    e = events[0]
    assert e["doc"] == "d1" and e["doc_date"] == "2024-05-01"
    assert e["evidence"]["span"] == [7, 16] and e["goldstein"] == -2.0
    assert "meta" not in e


@pytest.mark.parametrize("date", ["2024-05-01", "20240501", "2024-05-01T10:00:00Z",
                                  datetime.date(2024, 5, 1), datetime.datetime(2024, 5, 1, 9)])
def test_dates_in_every_accepted_form(coder, date):
    assert coder.code("Russia condemned Ukraine.", date=date)[0]["doc_date"] == "2024-05-01"


def test_bytes_and_str_give_the_same_events(coder):
    assert coder.code(STORY) == coder.code(STORY.encode())


@pytest.mark.parametrize("threads", [1, 2, None])
def test_code_many_equals_code_per_document(coder, threads):
    texts = [STORY, "Nothing happened.", "China met Japan."] * 700
    records = [{"id": f"d{i}", "text": t, "date": "2020-01-02"} for i, t in enumerate(texts)]
    expected = [e for r in records for e in coder.code(r["text"], r["date"], r["id"])]
    assert list(coder.code_many(iter(records), threads=threads)) == expected


def test_code_many_keeps_other_fields_as_meta_and_numbers_ids(coder):
    events = list(coder.code_many([{"id": 7, "text": "China met Japan.", "src": "x"},
                                   "Russia condemned Ukraine."]))
    assert [(e["doc"], e.get("meta")) for e in events] == [("7", {"src": "x"}), ("2", None)]


def test_a_stream_left_half_read_does_not_hold_up_the_next(coder):
    stream = coder.code_many([STORY] * 5000, threads=2)
    first = next(stream)
    del stream
    assert coder.code_many([STORY]).__next__() == first


def test_columns_hold_the_flattened_events(coder):
    events = coder.code(STORY, date="2024-05-01")
    (chunk,) = list(coder.code_columns([{"id": "doc", "text": STORY, "date": "2024-05-01"}]))
    rows = [dict(zip(chunk, values)) for values in zip(*chunk.values())]
    assert rows == [demarche.flatten_event(e) for e in events]
    assert list(chunk) == [name for name, _ in demarche.COLUMNS]


def test_explain_reports_decisions_and_events(coder):
    exp = coder.explain("Russia condemned Ukraine.")
    (s,) = exp["sentences"]
    assert "Russia/NNP" in s["tokens"] and s["events"][0]["cameo"] == "111"
    assert "sentence 0: Russia condemned Ukraine." in exp["report"]


def test_coders_run_in_parallel_threads(coder):
    results = {}

    def work(n):
        results[n] = list(coder.code_many([STORY] * 200, threads=1))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results[0] == results[1] == results[2] and len(results[0]) > 0


BAD_INPUT = [
    (lambda c: c.code("x", date="2024-13-01"), ValueError, "'2024-13-01' is not a date"),
    (lambda c: c.code("x", date="yesterday"), ValueError, "is not a date"),
    (lambda c: c.code(42), TypeError, "text must be str or bytes, not int"),
    (lambda c: c.code("x", date=3.5), TypeError, "date must be a str"),
    (lambda c: list(c.code_many([{"text": "a", "date": "bad"}])), ValueError,
     "record 1: 'bad' is not a date"),
    (lambda c: list(c.code_many([{"id": "a"}])), ValueError, "record 1: missing text field"),
    (lambda c: list(c.code_many(["ok", {"text": "b", "id": [1]}])), TypeError,
     "record 2: field 'id' is list"),
    (lambda c: list(c.code_many([1])), TypeError, "record 1: expected a dict"),
    (lambda c: c.code_many(5), TypeError, "not iterable"),
    (lambda c: c.code_many([], threads=0), ValueError, "threads must be at least 1"),
]


@pytest.mark.parametrize("call,error,message", BAD_INPUT)
def test_bad_input_raises_with_the_reason(coder, call, error, message):
    with pytest.raises(error, match=message.replace("(", r"\(").replace("[", r"\[")):
        call(coder)


def test_events_before_a_bad_record_are_yielded_first(coder):
    stream = coder.code_many(["Russia condemned Ukraine.", {"text": "x", "date": "bad"}])
    assert next(stream)["doc"] == "1"
    with pytest.raises(ValueError, match="record 2"):
        next(stream)


def test_a_bad_dictionary_is_a_dictionary_error_with_file_and_line(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.txt").write_text("RUS: Russia\nthis line has no code\n")
    with pytest.raises(demarche.DictionaryError, match="actors/mine.txt:2: ") as info:
        demarche.Coder(dictionaries=tmp_path)
    assert [(f, n) for f, n, _ in info.value.diagnostics] == [("actors/mine.txt", 2)]


def test_a_missing_dictionary_directory_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        demarche.Coder(dictionaries=tmp_path / "nope")


def test_own_dictionaries_are_used(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.txt").write_text("FRD: Freedonia\nSYL: Sylvania\n")
    (tmp_path / "verbs.txt").write_text("111: condemn\n")
    coder = demarche.Coder(dictionaries=str(tmp_path), places=False)
    (e,) = coder.code("Freedonia condemned Sylvania.")
    assert (e["source"]["code"], e["cameo"], e["target"]["code"]) == ("FRD", "111", "SYL")
    assert coder.dictionaries == str(tmp_path) and coder.places is False


def test_to_pandas_and_code_frame_agree(coder):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [1, 2], "text": [STORY, "China met Japan."],
                       "date": [pd.Timestamp("2024-05-01"), None]})
    frame = coder.code_frame(df)
    events = list(coder.code_many([{"id": "1", "text": STORY, "date": "2024-05-01"},
                                   {"id": "2", "text": "China met Japan."}]))
    expected = demarche.to_pandas(events)
    pd.testing.assert_frame_equal(frame, expected)
    assert list(frame.columns) == [n for n, _ in demarche.COLUMNS]
    assert frame["doc"].tolist()[-1] == "2"


def test_meta_column_is_the_records_other_fields_as_json(coder):
    pytest.importorskip("pyarrow")
    table = coder.code_arrow([{"id": "a", "text": "China met Japan.", "n": 1.5, "tag": "é"}])
    assert [json.loads(m) for m in table.column("meta").to_pylist()] == [{"n": 1.5, "tag": "é"}]
