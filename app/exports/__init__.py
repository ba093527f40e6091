"""Exports for the référent: the legacy Excel file and the pseudonymised export."""
