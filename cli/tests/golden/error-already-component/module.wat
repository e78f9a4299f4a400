;; Already a component: there is nothing to adapt.
(component
  (core module $m
    (memory (export "memory") 1))
  (core instance (instantiate $m))
)
