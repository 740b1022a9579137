"""daybreak.api"""
