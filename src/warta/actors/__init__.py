"""Actor resolution: entities and known names to canonical actors (country, sector, role
on the article's date), with in-article coreference. The stage is ``actors.stage``."""
