import PamphletUI
