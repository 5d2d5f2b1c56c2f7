"""A draft's paragraphs onto the parts of a resolution, whatever the source format.

Word, pasted text and PDF reach the same questions once their paragraphs are read:
which lines are the title and the number line, where the preamble ends, which
number each paragraph shows, which paragraphs nest under which.  They are answered
here once, on a neutral reading of the source (:mod:`drafting.layout.source`), so
that the same draft imported from two formats comes out the same, and a rule learnt
on one format serves all of them.

The rule behind every answer is the robustness principle: a draft with faults still
imports, faithfully (the numbers it shows, in its order, with its text), and its
faults are reported, not fixed and not refused.
"""
