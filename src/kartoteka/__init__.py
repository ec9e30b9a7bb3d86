"""kartoteka: an evidence-linked card index of people, institutions, events and fates."""

__version__ = "0.1.0"
