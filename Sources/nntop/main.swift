import NNTopCLI
NNTopMain.main()
