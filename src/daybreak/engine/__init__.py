"""daybreak.engine"""
