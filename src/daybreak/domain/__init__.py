"""daybreak.domain"""
