"""daybreak.reports"""
