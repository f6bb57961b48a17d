"""The statistical entity tagger: corpora readers, features, word clusters, CRF tagger
and its training. The pipeline stage that uses it is ``warta.nlp.entities``."""
