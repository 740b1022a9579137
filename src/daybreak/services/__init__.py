"""daybreak.services"""
