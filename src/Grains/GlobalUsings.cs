global using Orleans.Concurrency;
global using Orleans.Runtime;
global using Orleans.Placement;
