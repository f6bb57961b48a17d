"""Direct and indirect quotes with their speakers.

marks.py     spans between quotation marks, any style, across paragraphs
direct.py    where a direct quote's speaker is named (after, before, split, partial)
indirect.py  reported speech: "X mengatakan bahwa …", "Menurut X, …", "…, katanya"
phrases.py   speaker phrases and appositions as token ranges
people.py    linking a phrase to an actor or entity; pronouns and -nya
extract.py   statements in text order, speakers resolved, Quote records
stage.py     the pipeline stage; lexicon.py reads lang/<code>/quotes.toml
"""
