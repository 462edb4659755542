"""Training the learned decisions from annotated articles (gold JSON Lines in
the eval format), and judging them by cross-validation with folds split by
story. `aidwatch train` and `aidwatch eval --folds` are thin layers over it."""
