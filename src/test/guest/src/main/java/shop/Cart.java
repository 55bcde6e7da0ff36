package shop;

import io.diffyne.component.Component;
import io.diffyne.component.DiffyneComponent;
import io.diffyne.component.Invokable;

/** The application's own component: a class here, its template in diffyne/cart.peb. */
@DiffyneComponent("cart")
public class Cart extends Component {

    public int items;

    @Invokable
    public void add() {
        items++;
    }
}
