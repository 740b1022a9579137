"""daybreak.importers"""
