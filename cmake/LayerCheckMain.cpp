// Linked with one layer's whole archive (app/CMakeLists.txt): the link fails if the layer needs a symbol
// from a layer it does not link, i.e. one above it.
int main()
{
    return 0;
}
