"""The run the report opens with: how it is chosen, what it confuses, and its figures."""
