// The documentation's examples run in this process with the console redirected and the working directory
// set to the example's own: nothing else may run beside them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
