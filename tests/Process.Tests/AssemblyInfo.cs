// Each collection starts silo processes, PostgreSQL and an emulator: on two cores they run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
