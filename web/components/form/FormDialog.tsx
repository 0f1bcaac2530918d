import { Drawer, Modal, type DrawerProps, type ModalProps } from '@mantine/core';

/**
 * A form in a dialog or a side drawer. The form mounts anew on each opening, so it starts from the record as it is
 * then (and from nothing the last opening left).
 */
export const FormModal = ({ opened, children, ...props }: ModalProps) => (
  <Modal opened={opened} {...props}>
    {opened && children}
  </Modal>
);

export const FormDrawer = ({ opened, children, ...props }: DrawerProps) => (
  <Drawer opened={opened} {...props}>
    {opened && children}
  </Drawer>
);
