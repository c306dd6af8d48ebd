"""kg: a knowledge graph of diplomatic relations, built from news articles and queried with SPARQL."""
from .api import BuildSummary, Problem, build, explain, export, push, query, validate, visualise
from .article import read_article
from .extract import extract_article
from .lexicon import load_lexicon

__all__ = ["build", "explain", "query", "validate", "visualise", "export", "push", "read_article", "extract_article", "load_lexicon",
           "BuildSummary", "Problem"]
__version__ = "0.1.0"
