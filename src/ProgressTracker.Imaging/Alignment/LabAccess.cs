[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("lab")]
