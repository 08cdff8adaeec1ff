namespace Mielto.Client.Tests; public class Placeholder { }
