"""daybreak.store"""
