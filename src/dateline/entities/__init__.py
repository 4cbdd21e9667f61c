"""Entities: people, organizations, groups and places named in an article."""

from dateline.entities.extract import extract_entities

__all__ = ["extract_entities"]
