"""The cases of src/eval/tempeval.rs's tests, against score.py (python3 test_score.py)."""
import unittest

from score import Mention, align, compare, figures, read_timeml


def timeml(dct, body):
    return (f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>X</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" '
            f'functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n'
            '<TLINK lid="l1" timeID="t1" relatedToTime="t0"/>\n</TimeML>\n')


def m(a, b, kind="DATE", value="1"):
    return Mention(a, b, "", kind, value)


class ScoreTest(unittest.TestCase):
    def test_reads_gold_spans_into_the_raw_text(self):
        doc = timeml("1998-01-08", 'AT&amp;T <EVENT eid="e1">said</EVENT> on <TIMEX3 tid="t1" type="DATE" '
                     'value="1998-01-07">Wednesday</TIMEX3> it had &lt;<TIMEX3 tid=\'t2\' type=\'DURATION\' '
                     'value=\'P2Y\' mod="APPROX">two years</TIMEX3>&gt;. <TIMEX3 tid="t3" type="DATE" value="X"/>')
        text, timexes = read_timeml(doc)
        self.assertEqual(text, "\nAT&T said on Wednesday it had <two years>. \n")
        self.assertEqual([(text[t.start:t.end], t.kind, t.value) for t in timexes],
                         [("Wednesday", "DATE", "1998-01-07"), ("two years", "DURATION", "P2Y")])

    def test_byte_offsets(self):
        text, timexes = read_timeml(timeml("2000-01-01", 'café <TIMEX3 type="DATE" value="2000">2000</TIMEX3>'))
        self.assertEqual((timexes[0].start, timexes[0].end), (7, 11))

    def test_alignment_is_one_to_one_and_prefers_exact_spans(self):
        table = [
            ([(0, 5)], [(0, 5)], [(0, 0)]),
            ([(0, 5), (6, 10)], [(0, 10)], [(0, 0)]),
            ([(3, 8)], [(0, 4), (3, 8)], [(0, 1)]),
            ([(0, 10)], [(0, 2), (4, 10)], [(0, 1)]),
            ([(0, 5)], [(5, 9)], []),
            ([(0, 10)], [(0, 3), (7, 10)], [(0, 0)]),  # tie: the earliest
        ]
        for gold, system, expected in table:
            self.assertEqual(align([m(*g) for g in gold], [m(*s) for s in system]), expected)

    def test_counts_and_figures(self):
        gold = [m(0, 4, "DATE", "1998"), m(10, 14, "DATE", "1999")]
        system = [m(0, 4, "DATE", "1998"), m(10, 16, "TIME", " 1999 ")]
        total = {}
        for c in (compare(gold, system), compare(gold, system[:1]), compare(gold[:1], system)):
            for k, v in c.items():
                total[k] = total.get(k, 0) + v
        self.assertEqual(total, dict(documents=3, gold=5, system=5, strict_matches=3, relaxed_matches=4,
                                     type_correct=3, value_correct=4))
        f = figures("overall", total)
        self.assertEqual((f["strict"]["f1"], f["relaxed"]["f1"], f["type_f1"], f["value_f1"], f["type_accuracy"]),
                         (60.0, 80.0, 60.0, 80.0, 75.0))


if __name__ == "__main__":
    unittest.main()
