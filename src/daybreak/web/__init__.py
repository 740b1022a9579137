"""daybreak.web"""
