"""Event coding: PLOVER events with status, attribution, date and place, from a language
pack's data.

    stage.py     the ``events`` pipeline stage (EventStage)
    coder.py     one article: triggers -> roles -> status/attribution/date/place -> merge
    lexicon.py   trigger families and argument words from ``lang/<code>/events.toml``
    sentence.py  a sentence as the coder sees it: tokens, actor spans, anaphors, clauses
    matcher.py   triggers: verb and noun forms, light verbs, topics, objects of directives
    roles.py     source and target from voice, nouns, coordination, relatives, control
    status.py    status, confirmation and attribution from ``lang/<code>/status.toml``
    dates.py     explicit and relative dates from ``lang/<code>/dates.toml``
    merge.py     mentions of one event within an article become one Event
"""
