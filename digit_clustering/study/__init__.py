"""The study a config describes: config checks, spaces and runs, the settings codec and the path
layout.
"""
