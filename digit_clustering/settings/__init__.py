"""The vocabulary of settings: declared parameters and their schema, the checks that turn a
config's violations into messages, the error a bad config raises, and settings as path keys."""
